import { Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useComplaintSteps } from '../api';
import { useComplaintLabels } from '../labels';
import { stepDetails, stepTitle } from '../step-details';

const COLORS: Record<string, string> = { breach: 'red', at_risk: 'orange', reject: 'red', pause: 'gray', close: 'green', reopen: 'orange' };

/** Every step of the case (who, when, what), oldest first, as the record of how it was handled. */
export function StepTimeline({ complaintId }: { complaintId: string }) {
  const t = useT();
  const { lang } = useLang();
  const labels = useComplaintLabels();
  const steps = useComplaintSteps(complaintId);
  if (steps.isPending) return <Spin />;
  if (steps.isError) return <ErrorAlert error={steps.error} onRetry={() => void steps.refetch()} retryText={t('common.retry')} />;
  if (steps.data.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <Timeline
      data-testid="step-history"
      items={steps.data.map((s) => ({
        key: s.id,
        color: COLORS[s.action] ?? 'blue',
        content: (
          <div data-testid="step-entry">
            <div>
              <Typography.Text strong>{stepTitle(s.action, lang, t)}</Typography.Text>
              {s.toState && s.fromState !== s.toState ? (
                <Typography.Text type="secondary">
                  {'  '}
                  {s.fromState ? `${labels.state(s.fromState)} → ` : ''}
                  {labels.state(s.toState)}
                </Typography.Text>
              ) : null}
            </div>
            {stepDetails(s, lang, t).map((line) => (
              <div key={line.label} style={{ whiteSpace: 'pre-wrap' }}>
                <Typography.Text type="secondary">
                  {line.label}
                  {t('complaints.colon')}
                </Typography.Text>
                {line.text}
              </div>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(s.at).format('YYYY-MM-DD HH:mm')}
              {s.actor ? ` · ${s.actor.name}` : ''}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
