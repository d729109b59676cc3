import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import type { Lang } from '@kefu/shared/messages';
import { useLang } from '../i18n/language';
import { useT } from '../i18n/use-t';

export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <span title={t('layout.language')} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <GlobalOutlined style={{ color: '#8c8c8c' }} />
      <Segmented<Lang>
        size="small"
        value={lang}
        onChange={setLang}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        data-testid="language-switch"
      />
    </span>
  );
}
