import { LANGS, type Lang } from '@kefu/shared/messages';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../../lib/api-client';

const STORAGE_KEY = 'kefu.lang';

function storedLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return LANGS.includes(saved as Lang) ? (saved as Lang) : 'zh-CN';
}

function applyLang(lang: Lang) {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

const initialLang = storedLang();
applyLang(initialLang);

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}
const LangContext = createContext<LangState>({ lang: initialLang, setLang: () => undefined });

/** The reader's language: zh-CN first, English switchable and remembered in this browser. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const queryClient = useQueryClient();
  const setLang = useCallback(
    (next: Lang) => {
      localStorage.setItem(STORAGE_KEY, next);
      applyLang(next);
      setLangState(next);
      // the server translates summaries and labels: read them again in the new language
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}
