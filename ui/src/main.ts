import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { currentLanguage, loadLanguage } from './i18n';
import { chooseBackend } from './ipc';
import { Session } from './lib/session.svelte';

const target = document.getElementById('app');
if (target) {
  const backend = chooseBackend();
  // The language chosen in Settings, if any, over the system's as the shell finds it; without
  // an answer, the browser's.
  const preferences = await backend.preferencesGet().catch(() => null);
  const known = preferences?.status === 'ok' ? preferences.data : null;
  // A language that cannot load leaves the UI in English rather than blank.
  const loaded = await loadLanguage(known?.language ?? null, known?.system_language ?? null).then(() => true, () => false);
  // Screen readers pronounce the page in the language it is shown in.
  document.documentElement.lang = loaded ? currentLanguage() : 'en';
  mount(App, { target, props: { session: new Session(backend) } });
}
