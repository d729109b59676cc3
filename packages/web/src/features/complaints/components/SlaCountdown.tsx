import type { ComplaintSla } from '@kefu/shared/complaint';
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { CLOCK_COLORS, clockAt, durationText } from '../sla-clock';
import { useNow } from '../use-now';
import { useWorkingElapsed } from '../use-working-clock';

interface Props {
  sla: ComplaintSla;
  /** when the answer holding `sla` was read (the query's dataUpdatedAt) */
  readAt: number;
  strong?: boolean;
}

/** "剩余 1小时20分（工作时间）", red "已超时 3小时", orange when at risk, grey while waiting for the customer. */
export function SlaCountdown({ sla, readAt, strong }: Props) {
  const t = useT();
  const { lang } = useLang();
  const now = useNow();
  const elapsed = useWorkingElapsed();
  const { status, remainingMs } = clockAt(sla, readAt, now, elapsed);
  let text: string;
  if (status === 'paused') text = t('complaints.sla.paused');
  else if (status === 'met') text = t('complaints.sla.met');
  else if (remainingMs === null) text = '—';
  else if (status === 'breached') text = t('complaints.sla.over', { time: durationText(remainingMs, lang) });
  else text = t('complaints.sla.left', { time: durationText(remainingMs, lang) });
  const icon = status === 'paused' ? <PauseCircleOutlined /> : status === 'breached' || status === 'at_risk' ? <WarningOutlined /> : <ClockCircleOutlined />;
  return (
    <span
      data-testid="sla-countdown"
      data-status={status}
      style={{
        color: CLOCK_COLORS[status],
        fontWeight: strong || status === 'breached' ? 600 : undefined,
        whiteSpace: 'nowrap',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {icon} {text}
    </span>
  );
}
