/** On the server (and in unit tests) the highlighter is simply there: the HTML carries highlighted code. */
import type {Tokenize} from './tokens';
import {tokenize} from './highlight';

export const tokenizeNow: Tokenize | null = tokenize;
