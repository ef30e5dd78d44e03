import { render } from 'preact';
import { Options } from '../../ui/Options';
import { PAGE_CSS } from '../../ui/overlay-css';

const style = document.createElement('style');
style.textContent = PAGE_CSS;
document.head.append(style);
render(<Options />, document.getElementById('app')!);
