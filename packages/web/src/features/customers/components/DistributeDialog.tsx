import { Alert, App, Checkbox, Descriptions, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useDistribute, useStaff } from '../api';
import { StaffSelect } from './StaffSelect';

/** Spread the chosen customers over the chosen agents by their current load (seed 004 第五篇 一.3). */
export function DistributeDialog({ customerIds, open, onClose, onDone }: { customerIds: string[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const distribute = useDistribute();
  const staff = useStaff();
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const [agentsOnly, setAgentsOnly] = useState(true);
  /** customers given to each owner, by owner name */
  const [result, setResult] = useState<Record<string, number> | null>(null);

  const close = () => {
    setResult(null);
    setAgentIds([]);
    onClose();
  };
  // every agent chosen, with how many they got: "0" says the other one had fewer customers, where a
  // missing name would look like it was left out
  const resultRows = result
    ? [...agentIds.map((id) => staff.data?.find((s) => s.id === id)?.displayName).filter((name): name is string => !!name), ...Object.keys(result)]
        .filter((name, i, all) => all.indexOf(name) === i)
        .map((name) => ({ key: name, label: name, children: result[name] ?? 0 }))
    : [];
  const submit = () => {
    if (result) {
      close();
      onDone();
      return;
    }
    distribute.mutate(
      { customerIds, agentIds },
      {
        onSuccess: (r) => {
          void message.success(t('customers.assign.done', { count: r.assigned }));
          setResult(r.byOwner);
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={`${t('customers.distribute')} · ${t('customers.selected', { count: customerIds.length })}`}
      okText={result ? t('common.confirm') : t('customers.distribute')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !result && agentIds.length === 0, ...({ 'data-testid': result ? 'distribute-done' : 'distribute-submit' } as object) }}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={distribute.isPending}
      onOk={submit}
      onCancel={result ? () => (close(), onDone()) : close}
      destroyOnHidden
    >
      {distribute.error ? <Alert type="error" showIcon title={errorText(distribute.error)} style={{ marginBottom: 12 }} /> : null}
      {result ? (
        <Descriptions size="small" bordered column={1} title={t('customers.distribute.result')} items={resultRows} />
      ) : (
        <Form layout="vertical">
          <Typography.Paragraph type="secondary">{t('customers.distribute.help')}</Typography.Paragraph>
          <Form.Item
            label={t('customers.distribute.agents')}
            required
            extra={
              <Checkbox checked={agentsOnly} onChange={(e) => setAgentsOnly(e.target.checked)}>
                {t('customers.staff.agentsOnly')}
              </Checkbox>
            }
          >
            <StaffSelect
              multiple
              roles={agentsOnly ? ['agent'] : undefined}
              value={agentIds}
              onChange={(v) => setAgentIds((v as string[] | undefined) ?? [])}
              testId="distribute-agents"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
