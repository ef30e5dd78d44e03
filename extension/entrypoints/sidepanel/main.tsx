import { render } from 'preact';
import { PAGE_CSS } from '../../ui/overlay-css';
import { SidePanel } from '../../ui/SidePanel';

const style = document.createElement('style');
style.textContent = PAGE_CSS;
document.head.append(style);
render(<SidePanel />, document.getElementById('app')!);
