import { PrinterOutlined } from '@ant-design/icons';
import type { Complaint } from '@kefu/shared/complaint';
import { Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { TextKey } from '../../../app/i18n/catalog';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../labels';
import { fenToYuan } from '../money';

const day = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : null);
const para = (text: string | null | undefined) => (text ? <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div> : null);

/**
 * The case as the paper form of seed 003 附件二 (客户投诉记录表): each section is filled in as it happens,
 * with who signed it and when; sections not reached yet say so.
 */
export function RecordSheet({ complaint: c }: { complaint: Complaint }) {
  const t = useT();
  const labels = useComplaintLabels();
  const pending = <Typography.Text type="secondary">{t('complaintCase.pending')}</Typography.Text>;
  const or = (v: ReactNode) => (v === null || v === undefined || v === '' ? pending : v);
  const row = (key: TextKey, children: ReactNode, span = 1): NonNullable<DescriptionsProps['items']>[number] => ({
    key,
    label: t(key),
    children: <span data-testid={`sheet-${key.split('.').pop()}`}>{or(children)}</span>,
    span,
  });
  const proposal = c.proposal ? (
    <>
      {para(c.proposal.proposal)}
      {c.proposal.compensationFen ? (
        <Typography.Text type="secondary">
          {t('complaintCase.compensation', { yuan: fenToYuan(c.proposal.compensationFen) })}
          {c.proposal.needsApproval ? t('complaints.paren', { text: t('complaintCase.needsApproval') }) : ''}
        </Typography.Text>
      ) : null}
    </>
  ) : null;
  const items = [
    row('complaintSheet.department', c.department?.name ?? '—'),
    row('complaintSheet.date', day(c.receivedAt)),
    row('complaintSheet.customer', c.customer?.name ?? '—'),
    row('complaintSheet.complainant', c.complainantName),
    row('complaintSheet.phone', c.complainantPhone ?? '—'),
    row('complaintSheet.channel', `${labels.channel(c.channel)} · ${labels.category(c.category)}`),
    row('complaintSheet.content', para(c.content), 2),
    row('complaintSheet.receiver', c.receiver?.name ?? '—'),
    row('complaintSheet.receivedDate', day(c.receivedAt)),
    row('complaintSheet.verification', para(c.verification?.findings), 2),
    row('complaintSheet.investigator', c.verification?.investigator?.name),
    row('complaintSheet.verifiedDate', day(c.verification?.at)),
    row('complaintSheet.proposal', proposal, 2),
    row('complaintSheet.responsible', c.proposal?.responsible?.name),
    row('complaintSheet.proposedDate', day(c.proposal?.at)),
    ...(c.proposal?.needsApproval || c.approval
      ? [row('complaintSheet.approver', c.approval?.approver?.name), row('complaintSheet.approvedDate', day(c.approval?.at))]
      : []),
    row('complaintSheet.result', para(c.resolution?.result), 2),
    row('complaintSheet.handler', c.resolution?.handler?.name),
    row('complaintSheet.resolvedDate', day(c.resolution?.at)),
    row('complaintSheet.satisfactionResult', c.feedback ? labels.satisfaction(c.feedback.satisfactionResult) : null),
    row('complaintSheet.satisfactionSpeed', c.feedback ? labels.satisfaction(c.feedback.satisfactionSpeed) : null),
    row('complaintSheet.suggestion', c.feedback ? (para(c.feedback.suggestion) ?? t('common.none')) : null, 2),
  ];
  return (
    <Card
      variant="borderless"
      title={t('complaintSheet.title')}
      style={{ marginBottom: 16 }}
      extra={
        <a href={`/api/v1/complaints/${c.id}/record.pdf`} target="_blank" rel="noreferrer" data-testid="record-pdf">
          <PrinterOutlined /> {t('complaintCase.printPdf')}
        </a>
      }
      data-testid="record-sheet"
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} styles={{ label: { width: 130, whiteSpace: 'nowrap' } }} />
    </Card>
  );
}
