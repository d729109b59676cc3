import { ClusterOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { AssignDialog } from './AssignDialog';
import { DistributeDialog } from './DistributeDialog';

/** What a supervisor can do with the ticked rows: one owner for all, or spread them by load. */
export function SelectionActions({ selected, onClear }: { selected: string[]; onClear: () => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<'assign' | 'distribute' | null>(null);
  const done = () => {
    setDialog(null);
    onClear();
  };
  const none = selected.length === 0;
  return (
    <Space>
      {none ? null : <Typography.Text strong>{t('customers.selected', { count: selected.length })}</Typography.Text>}
      <Button size="small" icon={<UserSwitchOutlined />} disabled={none} onClick={() => setDialog('assign')} data-testid="bulk-assign">
        {t('customers.assign')}
      </Button>
      <Button size="small" icon={<ClusterOutlined />} disabled={none} onClick={() => setDialog('distribute')} data-testid="bulk-distribute">
        {t('customers.distribute')}
      </Button>
      {none ? null : (
        <Button size="small" type="link" onClick={onClear}>
          {t('customers.clearSelection')}
        </Button>
      )}
      <AssignDialog customerIds={selected} open={dialog === 'assign'} onClose={() => setDialog(null)} onDone={done} />
      <DistributeDialog customerIds={selected} open={dialog === 'distribute'} onClose={() => setDialog(null)} onDone={done} />
    </Space>
  );
}
