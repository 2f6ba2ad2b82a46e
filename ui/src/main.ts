import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { chooseBackend } from './ipc';
import { Session } from './lib/session.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target, props: { session: new Session(chooseBackend()) } });
