import { Card, Col, Empty, Menu, Row, Spin } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useSession } from '../../auth/session';
import { useScripts, useScriptSettings } from '../api';
import { CompanySetting } from '../components/CompanySetting';
import { PolitePhrasesPanel } from '../components/PolitePhrasesPanel';
import { ScriptEditor } from '../components/ScriptEditor';

/** 标准话术: the scripts (the seed's texts), edited by the manager with a live preview; the company name they say. */
export function ScriptsPage() {
  const t = useT();
  const { can } = useSession();
  const editable = can('script:manage');
  const scripts = useScripts();
  const settings = useScriptSettings();
  const [code, setCode] = useState<string | null>(null);
  const items = scripts.data?.items ?? [];
  const current = items.find((s) => s.code === code) ?? items[0];

  return (
    <>
      <PageHeader title={t('scripts.title')} />
      <ErrorAlert error={scripts.error} onRetry={() => void scripts.refetch()} retryText={t('common.retry')} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card size="small" variant="borderless" style={{ marginBottom: 16 }}>
            {scripts.isPending ? <Spin /> : null}
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={current ? [current.code] : []}
              onClick={(e) => setCode(e.key)}
              items={items.map((s) => ({ key: s.code, label: s.name }))}
              data-testid="script-list"
            />
          </Card>
          {settings.data ? <CompanySetting key={settings.data.companyName} initial={settings.data.companyName} editable={editable} /> : null}
        </Col>
        <Col xs={24} lg={12}>
          {current ? <ScriptEditor key={`${current.code}:${current.version}`} script={current} editable={editable} /> : scripts.isPending ? null : <Empty />}
        </Col>
        <Col xs={24} lg={6}>
          <Card size="small" variant="borderless">
            <PolitePhrasesPanel />
          </Card>
        </Col>
      </Row>
    </>
  );
}
