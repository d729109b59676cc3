import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { useT } from '../../app/i18n/use-t';
import { errorText } from '../../lib/api-error';
import { useLogin, useSessionQuery } from './api';

interface LoginValues {
  username: string;
  password: string;
}

/** Where a person lands without a session; after signing in they go back to where they were heading. */
export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const session = useSessionQuery();
  const login = useLogin();
  const next = params.get('next') ?? '/';
  const ended = (location.state as { ended?: boolean } | null)?.ended;

  if (session.data) return <Navigate to={next.startsWith('/') ? next : '/'} replace />;

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {ended && !login.error ? <Alert type="info" showIcon title={t('auth.sessionEnded')} style={{ marginBottom: 16 }} /> : null}
        {login.error ? <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} disabled={login.isPending}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.required.username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required.password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
