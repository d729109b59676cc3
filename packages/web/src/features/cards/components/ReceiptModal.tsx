import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatAmount } from '../amounts';
import { useReceipt } from '../api';
import { useEntryKindLabel } from '../labels';

/** Only the receipt goes to the printer: the rest of the page is hidden while printing. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .card-receipt, .card-receipt * { visibility: visible !important; }
  .card-receipt { position: fixed; left: 0; top: 0; width: 100%; padding: 16px; }
}`;

/** The receipt of one movement, as the server gives it (no phone numbers): card, customer, amount, balance after, who, when. */
export function ReceiptModal({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const t = useT();
  const kindLabel = useEntryKindLabel();
  const receipt = useReceipt(entryId);
  const r = receipt.data;
  return (
    <Modal
      open
      title={t('cards.receipt.title')}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose} data-testid="receipt-close">
          {t('cards.receipt.close')}
        </Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!r} onClick={() => window.print()} data-testid="receipt-print">
          {t('cards.receipt.print')}
        </Button>,
      ]}
    >
      <style>{PRINT_CSS}</style>
      <ErrorAlert error={receipt.error} onRetry={() => void receipt.refetch()} retryText={t('common.retry')} />
      {r ? (
        <div className="card-receipt" data-testid="card-receipt">
          <Typography.Title level={5} style={{ textAlign: 'center' }}>
            {t('cards.receipt.title')}
          </Typography.Title>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cards.col.number')}>{`${r.cardNumber}（${r.typeName}）`}</Descriptions.Item>
            <Descriptions.Item label={t('cards.col.customer')}>{r.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.kind')}>{kindLabel(r.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.amount')}>
              <span data-testid="receipt-amount">{formatAmount(t, r.amount, r.unit, true)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.balanceAfter')}>
              <span data-testid="receipt-balance">{formatAmount(t, r.balanceAfter, r.unit)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.actor')}>{r.actorName}</Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.at')}>{dayjs(r.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label={t('cards.receipt.no')}>{r.seq}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 32 }}>{t('cards.receipt.signature')}：______________________</Typography.Paragraph>
        </div>
      ) : (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      )}
    </Modal>
  );
}
