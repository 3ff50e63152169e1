import { render } from 'preact';
import { EditorialApp } from './editorial-app.tsx';
import './editorial.css';

render(<EditorialApp />, document.getElementById('app')!);
