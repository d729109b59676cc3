import type { Customer } from '@kefu/shared/customer';
import { fieldLabel } from '@kefu/shared/timeline';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { api } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { changedFields, fromCustomer } from '../form-values';

/** Someone saved first: say so, and let the editor load the latest version (their input stays). */
export function ConflictAlert({
  customerId,
  base,
  onLoaded,
}: {
  customerId: string;
  base: Customer;
  onLoaded: (latest: Customer, theirFields: string[]) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // the save button that caused this is at the bottom of a long form: bring the message to the editor
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const load = async () => {
    setLoading(true);
    try {
      const latest = await api.get<Customer>(`/api/v1/customers/${customerId}`);
      queryClient.setQueryData(['customers', 'one', customerId], latest);
      onLoaded(
        latest,
        Object.keys(changedFields(fromCustomer(base), fromCustomer(latest))).map((f) => fieldLabel(f, lang)),
      );
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <div ref={box}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="version-conflict"
        title={t('customer.conflict.title')}
        description={t('customer.conflict.body')}
        action={
          <Button size="small" type="primary" loading={loading} onClick={() => void load()} data-testid="conflict-load-latest">
            {t('customer.conflict.load')}
          </Button>
        }
      />
    </div>
  );
}
