import { Alert, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';

/** Just registered: the number, large, to read out to the caller who is still on the line. */
export function RegisteredBanner({ number }: { number: string }) {
  const t = useT();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="registered-banner"
      title={t('complaintCase.registered')}
      description={
        <Typography.Text copyable={{ text: number }} style={{ fontSize: 32, fontWeight: 600, letterSpacing: 2, fontVariantNumeric: 'tabular-nums' }}>
          {number}
        </Typography.Text>
      }
    />
  );
}
