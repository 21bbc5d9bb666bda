import { createApp } from 'vue';
// Registers <ov-signin> and its screens; the inspector is a separate, optional entry.
import 'ov-signin/define';
import 'ov-signin/inspector';
import App from './App.vue';

createApp(App).mount('#app');
