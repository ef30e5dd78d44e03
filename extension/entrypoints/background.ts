import { defineBackground } from '#imports';
import { startBackground } from '../background/start';

export default defineBackground(() => startBackground());
