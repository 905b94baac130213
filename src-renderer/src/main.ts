import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import './styles/app.css';
import App from './App.vue';
import { api } from './api/api';
import { apiKey } from './api/inject';
import { createBrowserI18n } from './i18n';
import { createAppRouter } from './router';

const app = createApp(App);
app.provide(apiKey, api);
app.use(createPinia());
app.use(createBrowserI18n());
app.use(createAppRouter());
app.mount('#app');
