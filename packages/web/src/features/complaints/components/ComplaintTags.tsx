import type { ComplaintSeverity } from '@kefu/shared/complaint';
import type { ComplaintState } from '@kefu/shared/complaint-workflow';
import { Tag } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { SEVERITY_COLORS, STATE_COLORS, useComplaintLabels } from '../labels';

export function StateTag({ state }: { state: ComplaintState }) {
  const labels = useComplaintLabels();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="complaint-state">
      {labels.state(state)}
    </Tag>
  );
}

/** Severity, and 重大 when the case is flagged major (watched by the manager). */
export function SeverityTags({ severity, major }: { severity: ComplaintSeverity; major: boolean }) {
  const t = useT();
  const labels = useComplaintLabels();
  return (
    <>
      <Tag color={SEVERITY_COLORS[severity]}>{labels.severity(severity)}</Tag>
      {major ? <Tag color="red">{t('complaints.major')}</Tag> : null}
    </>
  );
}
