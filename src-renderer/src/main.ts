import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@renderer/styles/app.css';
import App from '@renderer/app/App.vue';
import { api } from '@renderer/api/api';
import { apiKey } from '@renderer/api/inject';
import { createBrowserI18n } from './i18n';
import { createAppRouter } from '@renderer/app/router';

const app = createApp(App);
app.provide(apiKey, api);
app.use(createPinia());
app.use(createBrowserI18n());
app.use(createAppRouter());
app.mount('#app');
