/**
 * Testing Library waits at most 1 s by default for findBy…/waitFor. On a fresh CI clone the first lazy import of a
 * component is transformed on the spot, and on a shared 2-core machine that alone can take longer than 1 s: a wait
 * here is for something to appear, never a speed check, so it may wait up to 10 s.
 */
// Testing Library's DOM half holds the setting for both halves (React's keeps it when it loads), and is lighter.
import {configure} from '@testing-library/dom';

configure({asyncUtilTimeout: 10_000});
