import { render } from 'preact';
import { createApiClient } from './api/client';
import { App } from './app';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App api={createApiClient()} />, root);
