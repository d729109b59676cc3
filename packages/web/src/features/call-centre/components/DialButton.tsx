import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDial } from '../api';

/**
 * Click-to-call beside a number the agent may see, masked or not: the server dials the real number
 * through the PBX (the agent's extension rings first). Shown only to whoever holds telephony:call.
 */
export function DialButton({ customerId, phone }: { customerId: string; phone: 'mobile' | number }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const dial = useDial();
  if (!can('telephony:call')) return null;
  return (
    <Tooltip title={t('dial.call')}>
      <Button
        size="small"
        type="link"
        icon={<PhoneOutlined />}
        loading={dial.isPending}
        data-testid={`dial-${phone}`}
        onClick={() =>
          dial.mutate({ customerId, phone }, { onSuccess: () => void message.success(t('dial.started')), onError: (err) => void message.error(errorText(err)) })
        }
      />
    </Tooltip>
  );
}
