import { render } from 'preact';
import { Overlay } from '../../ui/Overlay';
import { OVERLAY_CSS } from '../../ui/overlay-css';

const style = document.createElement('style');
style.textContent = OVERLAY_CSS;
document.head.append(style);
render(<Overlay contextKey={location.hash.slice(1)} />, document.getElementById('app')!);
