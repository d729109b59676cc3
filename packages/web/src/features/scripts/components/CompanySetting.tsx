import { Alert, App, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useSaveScriptSettings } from '../api';

/** The company name the scripts say (这里是{company}): the department's one setting for them. */
export function CompanySetting({ initial, editable }: { initial: string; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveScriptSettings();
  const [company, setCompany] = useState(initial);
  return (
    <Card size="small" variant="borderless" title={t('scripts.company', { company: '{company}' })}>
      {save.error ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 8 }} /> : null}
      <Space.Compact style={{ width: '100%' }}>
        <Input value={company} onChange={(e) => setCompany(e.target.value)} disabled={!editable} maxLength={60} data-testid="script-company" />
        {editable ? (
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ companyName: company.trim() }, { onSuccess: () => void message.success(t('scripts.companySaved')) })}
            data-testid="script-company-save"
          >
            {t('common.save')}
          </Button>
        ) : null}
      </Space.Compact>
    </Card>
  );
}
