import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { currentLanguage, loadLanguage } from './i18n';
import { chooseBackend } from './ipc';
import { Session } from './lib/session.svelte';

const target = document.getElementById('app');
if (target) {
  // A language that cannot load leaves the UI in English rather than blank.
  const loaded = await loadLanguage().then(() => true, () => false);
  // Screen readers pronounce the page in the language it is shown in.
  document.documentElement.lang = loaded ? currentLanguage() : 'en';
  mount(App, { target, props: { session: new Session(chooseBackend()) } });
}
