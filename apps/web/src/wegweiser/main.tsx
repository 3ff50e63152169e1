import { render } from 'preact';
import { WegweiserApp } from './wegweiser-app.tsx';
import './wegweiser.css';

render(<WegweiserApp />, document.getElementById('app')!);
