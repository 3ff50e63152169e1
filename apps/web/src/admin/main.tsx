import { render } from 'preact';
import { AdminApp } from './admin-app.tsx';
import './admin.css';

render(<AdminApp />, document.getElementById('app')!);
