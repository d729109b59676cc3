import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useReveal } from '../api';

export interface RevealedNumbers {
  mobile: string | null;
  otherPhones: string[];
  idNumber: string | null;
}

/** 显示号码: one audited click shows the masked numbers in place. */
export function RevealButton({ customerId, onRevealed }: { customerId: string; onRevealed: (n: RevealedNumbers) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reveal = useReveal(customerId);
  return (
    <Tooltip title={t('customer.reveal.note')}>
      <Button
        icon={<EyeOutlined />}
        loading={reveal.isPending}
        data-testid="reveal-button"
        onClick={() =>
          reveal.mutate(undefined, {
            onSuccess: (numbers) => {
              onRevealed(numbers);
              void message.info(t('customer.revealed'));
            },
            onError: (err) => void message.error(errorText(err)),
          })
        }
      >
        {t('customer.reveal')}
      </Button>
    </Tooltip>
  );
}
