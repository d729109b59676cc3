import { EditOutlined, MergeCellsOutlined, UserOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { Customer } from '@kefu/shared/customer';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { useCustomerLabels } from '../labels';
import { AssignDialog } from './AssignDialog';
import { LifecycleTag, TierClassTags } from './CustomerTags';
import { LifecycleActions } from './LifecycleActions';
import { MergeDialog } from './MergeDialog';
import { RevealButton, type RevealedNumbers } from './RevealButton';

interface Props {
  customer: Customer;
  numbers: RevealedNumbers | null;
  onRevealed: (n: RevealedNumbers) => void;
  onEdit: () => void;
}

/** Name, title, tier/class, state and owner; the actions this reader's abilities allow, no others. */
export function CustomerHeader({ customer: c, numbers, onRevealed, onEdit }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const [dialog, setDialog] = useState<'merge' | 'assign' | null>(null);
  const { abilities } = c;
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <div className="page-header" style={{ marginBottom: 0, alignItems: 'flex-start' }}>
        <Space orientation="vertical" size={6}>
          <Space size={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            {c.title ? <Typography.Text type="secondary">{labels.title(c.title)}</Typography.Text> : null}
            <TierClassTags tierCode={c.tierCode} classCode={c.classCode} />
            <LifecycleTag state={c.lifecycle} />
          </Space>
          <Space size={16} wrap style={{ color: '#595959' }}>
            <span>
              <UserOutlined /> {t('customers.col.owner')}：{c.ownerName ?? t('customers.unassigned')}
            </span>
            <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="header-mobile">
              {t('customers.col.mobile')}：{(numbers ? numbers.mobile : c.mobile) ?? '—'}
            </span>
          </Space>
        </Space>
        <Space wrap>
          {abilities.reveal && !numbers ? <RevealButton customerId={c.id} onRevealed={onRevealed} /> : null}
          {abilities.update ? (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-button">
              {t('customer.edit')}
            </Button>
          ) : null}
          {abilities.assign ? (
            <Button icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')} data-testid="owner-button">
              {t('customer.assignOwner')}
            </Button>
          ) : null}
          {abilities.merge ? (
            <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} data-testid="merge-button">
              {t('customer.merge')}
            </Button>
          ) : null}
          <LifecycleActions customer={c} />
        </Space>
      </div>
      {abilities.assign ? (
        <AssignDialog customerIds={[c.id]} open={dialog === 'assign'} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      ) : null}
      {abilities.merge ? <MergeDialog customer={c} open={dialog === 'merge'} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
