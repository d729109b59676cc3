import type { LifecycleState } from '@kefu/shared/customer-lifecycle';
import { Space, Tag } from 'antd';
import { LIFECYCLE_COLORS, TIER_COLORS, useCustomerLabels } from '../labels';

export function LifecycleTag({ state }: { state: LifecycleState }) {
  const labels = useCustomerLabels();
  return (
    <Tag color={LIFECYCLE_COLORS[state]} data-testid="lifecycle-tag">
      {labels.lifecycle(state)}
    </Tag>
  );
}

export function TierClassTags({ tierCode, classCode }: { tierCode: string | null; classCode: string | null }) {
  const labels = useCustomerLabels();
  return (
    <Space size={4}>
      {tierCode ? <Tag color={TIER_COLORS[tierCode] ?? 'blue'}>{labels.tier(tierCode)}</Tag> : null}
      {classCode ? <Tag variant="outlined">{labels.cls(classCode)}</Tag> : null}
    </Space>
  );
}
