import { FESTIVAL_LABELS, type Festival } from '@kefu/shared/festivals';
import { Alert, Card, Skeleton, Tag } from 'antd';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRenderedScript } from './api';
import { useMissingText } from './labels';
import { ScriptText } from './ScriptText';

/**
 * A standard script filled in for the customer on the line (the call screen, a follow-up task): the
 * customer's surname and title, the agent's number, the company, the greeting of the hour or festival.
 */
export function ScriptCard({ code, customerId }: { code: string; customerId?: string }) {
  const t = useT();
  const { lang } = useLang();
  const rendered = useRenderedScript(code, customerId);
  const missingText = useMissingText();
  const s = rendered.data;
  const missing = s ? missingText(s.missing) : null;
  return (
    <Card
      size="small"
      title={s?.name ?? t('scripts.title')}
      extra={s?.festival ? <Tag color="red">{t('scripts.festival', { festival: FESTIVAL_LABELS[s.festival as Festival][lang] })}</Tag> : null}
      data-testid={`script-card-${code}`}
    >
      <ErrorAlert error={rendered.error} onRetry={() => void rendered.refetch()} retryText={t('common.retry')} />
      {rendered.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {s ? <ScriptText text={s.text} /> : null}
      {missing ? <Alert type="warning" showIcon title={missing} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
