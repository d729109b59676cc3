import { App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useAgents, useDistribute } from '../api';

/** 按负荷分配 (seed 004 第五篇 一.3): the selected tasks go, one by one, to whoever has the fewest open tasks. */
export function DistributeBar({ taskIds, onDone }: { taskIds: string[]; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const agents = useAgents();
  const distribute = useDistribute();
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const go = () =>
    distribute.mutate(
      { taskIds, agentIds },
      {
        onSuccess: (r) => {
          void message.success(t('fu.manage.distributed', { n: r.moved }));
          onDone();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="distribute-bar">
      <Typography.Text>{t('fu.manage.selected', { n: taskIds.length })}</Typography.Text>
      <Select
        mode="multiple"
        style={{ minWidth: 280 }}
        placeholder={t('fu.manage.agents')}
        value={agentIds}
        onChange={setAgentIds}
        loading={agents.isPending}
        options={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.open}）` }))}
      />
      <Button type="primary" disabled={!taskIds.length || !agentIds.length} loading={distribute.isPending} onClick={go}>
        {t('fu.manage.distribute')}
      </Button>
    </Space>
  );
}
