/**
 * What the runner itself says to a reader's program, in the reader's language (RunRequest.locale): the API's
 * argument errors, the inert Function constructor, syntax errors (syntaxError.ts: the parser's or engine's own text
 * is kept beside them in RunError.engine). An errno's text stays the kernel's (strerror, errors.ts), as `perror()`
 * prints it; errors the program raises at run time (e.g. "x is not defined") stay the engine's.
 */
export type RunnerLocale = 'ko' | 'en';

export interface Words {
  /** how a value is named in a message: 'an object', '객체' */
  kind(v: unknown): string;
  notInteger(call: string, what: string, got: string): string;
  readMax(n: number): string;
  shutdownHow(got: string): string;
  setsockopt(): string;
  resolveName(got: string): string;
  onHost(got: string): string;
  onFn(host: string): string;
  sleepMs(got: string): string;
  portRange(call: string, port: number): string;
  ipString(call: string, got: string): string;
  ipHostName(call: string, name: string): string;
  ipNotV4(call: string, v: string): string;
  writeData(got: string): string;
  writeLength(n: number, size: number): string;
  pollArray(): string;
  pollEntry(i: number): string;
  pollTimeout(got: string): string;
  tooManyCalls(limit: number): string;
  runOver(): string;
  noFreeAddress(): string;
  functionConstructor(): string;
  unclosed(char: string, line: number): string;
  /** a socket call that must wait where the code cannot be suspended (a callback of forEach, sort, a getter …) */
  cannotWait(call: string): string;
  spawnHost(got: string): string;
  spawnFn(host: string): string;
  /** the spawned function uses a variable of the code around it */
  spawnShared(name: string, line: number): string;
  spawnArgs(): string;
  tooManyProcesses(limit: number): string;
  /** a program that does not parse (syntaxError.ts) */
  syntax: SyntaxWords;
}

/** Syntax errors by kind; `found` and names are the reader's own text. */
export interface SyntaxWords {
  generic(): string;
  unexpectedEnd(): string;
  unexpectedToken(found: string): string;
  expected(what: string, found: string): string;
  strayCloser(char: string): string;
  reservedWord(word: string): string;
  nameStartsWithDigit(found: string): string;
  unterminatedString(quote: string): string;
  unterminatedTemplate(): string;
  unterminatedComment(): string;
  unterminatedRegex(): string;
  invalidChar(char: string, codePoint: string): string;
  /** the same sentences as the page's smart-punctuation notice (src/components/LiveCode/punctuationRun.ts) */
  smartQuote(char: string, straight: string): string;
  smartDash(char: string): string;
  smartEllipsis(char: string): string;
  fullWidth(char: string, narrow: string): string;
  invalidNumber(found: string): string;
  badRegex(source: string): string;
  badRegexFlags(flags: string): string;
  redeclared(name: string): string;
  constInit(): string;
  legacyOctal(): string;
  awaitOutsideAsync(): string;
  misplaced(word: string): string;
  assignTarget(): string;
  strictDelete(): string;
  duplicateParam(): string;
}

const EN_SYNTAX: SyntaxWords = {
  generic: () => 'The program cannot be read here: check the code around this place',
  unexpectedEnd: () => 'The program ends in the middle of a statement: something is missing at the end',
  unexpectedToken: (found) => `'${found}' cannot stand here`,
  expected: (what, found) => `'${what}' was expected here, before '${found}'`,
  strayCloser: (char) => `'${char}' closes nothing: there is no opening bracket for it before`,
  reservedWord: (word) => `'${word}' is a reserved word of JavaScript: it cannot be used as a name`,
  nameStartsWithDigit: (found) => `A name cannot start with a digit ('${found}')`,
  unterminatedString: (quote) => `This string is never closed: end it with ${quote} on the same line (a text over several lines needs \`…\`)`,
  unterminatedTemplate: () => 'This template string is never closed: end it with `',
  unterminatedComment: () => 'This comment is never closed: end it with */',
  unterminatedRegex: () => 'This regular expression is never closed with / on its line',
  invalidChar: (char, cp) => `'${char}' (${cp}) cannot stand in code`,
  smartQuote: (char, straight) => `${char} is a curly quote: use a straight quote ${straight} in code (phone keyboards change it on their own)`,
  smartDash: (char) => `${char} is a dash: use -- or - in code (phone keyboards turn -- into a dash on their own)`,
  smartEllipsis: (char) => `${char} is the one-character ellipsis: type three dots ... in code (phone keyboards change it on their own)`,
  fullWidth: (char, narrow) => `${char} is a full-width character: type ${narrow} in code (a Korean input method may type the full-width one)`,
  invalidNumber: (found) => `'${found}' is not a number JavaScript can read: a letter is stuck to the digits`,
  badRegex: (source) => `The regular expression ${source} is not valid`,
  badRegexFlags: (flags) => `The regular expression flags '${flags}' are not valid: use d, g, i, m, s, u, v, y, each at most once`,
  redeclared: (name) => `'${name}' is declared twice in the same block: pick another name or drop let/const`,
  constInit: () => 'A const needs its value where it is declared: const name = value',
  legacyOctal: () => 'A number cannot start with 0 (the old octal form): drop the 0, or write 0o12 for octal',
  awaitOutsideAsync: () => 'await works only inside an async function; socket calls in Socket Lab return at once, without await',
  misplaced: (word) => `'${word}' can only be used inside a loop${word === 'break' ? ' or a switch' : ''}`,
  assignTarget: () => 'The left of = (or ++, --) must be a variable or a property',
  strictDelete: () => 'delete removes a property (delete obj.name), not a variable',
  duplicateParam: () => 'Two parameters of one function have the same name',
};

const KO_SYNTAX: SyntaxWords = {
  generic: () => '이 부분에서 프로그램을 해석할 수 없습니다: 이 근처의 코드를 확인하세요',
  unexpectedEnd: () => '문장이 끝나지 않은 채 프로그램이 끝났습니다: 끝부분에 빠진 것이 있습니다',
  unexpectedToken: (found) => `이 자리에는 '${found}'가 올 수 없습니다`,
  expected: (what, found) => `'${found}' 앞에 '${what}'가 있어야 합니다`,
  strayCloser: (char) => `'${char}'가 닫을 괄호가 없습니다: 앞에 짝이 되는 여는 괄호가 없습니다`,
  reservedWord: (word) => `'${word}'는 자바스크립트의 예약어라 이름으로 쓸 수 없습니다`,
  nameStartsWithDigit: (found) => `이름은 숫자로 시작할 수 없습니다('${found}')`,
  unterminatedString: (quote) => `문자열이 닫히지 않았습니다: 같은 줄에서 ${quote} 로 닫으세요 (여러 줄 문자열은 \`…\`로 씁니다)`,
  unterminatedTemplate: () => '템플릿 문자열이 닫히지 않았습니다: ` 로 닫으세요',
  unterminatedComment: () => '주석이 닫히지 않았습니다: */ 로 닫으세요',
  unterminatedRegex: () => '정규 표현식이 그 줄에서 / 로 닫히지 않았습니다',
  invalidChar: (char, cp) => `'${char}'(${cp})는 코드에 쓸 수 없는 문자입니다`,
  smartQuote: (char, straight) => `${char} 는 둥근 따옴표입니다: 코드에는 곧은 따옴표 ${straight} 를 쓰세요 (휴대폰 키보드가 저절로 바꾸기도 합니다)`,
  smartDash: (char) => `${char} 는 대시 기호입니다: 코드에는 -- 또는 - 를 쓰세요 (휴대폰 키보드가 -- 를 저절로 바꾸기도 합니다)`,
  smartEllipsis: (char) => `${char} 는 말줄임표 한 글자입니다: 코드에는 점 세 개 ... 를 쓰세요 (휴대폰 키보드가 저절로 바꾸기도 합니다)`,
  fullWidth: (char, narrow) => `${char} 는 전각 문자입니다: 코드에는 반각 ${narrow} 를 쓰세요 (한글 입력기가 전각으로 입력하기도 합니다)`,
  invalidNumber: (found) => `'${found}'는 자바스크립트가 읽을 수 있는 수가 아닙니다: 숫자에 글자가 붙어 있습니다`,
  badRegex: (source) => `정규 표현식 ${source} 가 올바르지 않습니다`,
  badRegexFlags: (flags) => `정규 표현식의 플래그 '${flags}'가 올바르지 않습니다: d, g, i, m, s, u, v, y를 한 번씩만 쓸 수 있습니다`,
  redeclared: (name) => `'${name}'가 같은 블록에서 두 번 선언되었습니다: 다른 이름을 쓰거나 let/const를 빼세요`,
  constInit: () => 'const는 선언하는 자리에서 값을 주어야 합니다: const 이름 = 값',
  legacyOctal: () => '수는 0으로 시작할 수 없습니다(옛 8진수 표기): 0을 빼거나, 8진수는 0o12처럼 쓰세요',
  awaitOutsideAsync: () => 'await는 async 함수 안에서만 쓸 수 있습니다. Socket Lab의 소켓 호출은 await 없이 바로 돌아옵니다',
  misplaced: (word) => `'${word}'는 반복문${word === 'break' ? '이나 switch' : ''} 안에서만 쓸 수 있습니다`,
  assignTarget: () => '= (또는 ++, --)의 왼쪽에는 변수나 속성이 와야 합니다',
  strictDelete: () => 'delete는 속성을 지웁니다(delete obj.name). 변수는 지울 수 없습니다',
  duplicateParam: () => '한 함수의 두 매개변수 이름이 같습니다',
};

function kindOf(v: unknown, names: {fn: string; nul: string; arr: string; obj: string}): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'function') return names.fn;
  if (v === null) return names.nul;
  if (typeof v === 'object') return Array.isArray(v) ? names.arr : names.obj;
  return String(v);
}

const EN: Words = {
  kind: (v) => kindOf(v, {fn: 'a function', nul: 'null', arr: 'an array', obj: 'an object'}),
  notInteger: (call, what, got) => `${call}(): ${what} must be an integer, got ${got}`,
  readMax: (n) => `read(): max must be at least 1 (got ${n})`,
  shutdownHow: (got) => `shutdown(): how must be SHUT_RD, SHUT_WR or SHUT_RDWR (got ${got})`,
  setsockopt: () => 'setsockopt(): Socket Lab supports setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 0 or 1) and setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, 0 or 1)',
  resolveName: (got) => `resolve(): expected a host name string, got ${got}`,
  onHost: (got) => `on(): expected a host name such as 'server', got ${got}`,
  onFn: (host) => `on('${host}', fn): fn must be a function`,
  sleepMs: (got) => `sleep(): expected milliseconds (a number ≥ 0), got ${got}`,
  portRange: (call, port) => `${call}(): port must be between 0 and 65535, got ${port}`,
  ipString: (call, got) => `${call}(): expected an IP address string such as '10.0.0.3', got ${got}`,
  ipHostName: (call, name) =>
    `${call}() takes an IP address, not a host name: call resolve('${name}') first and pass the address it returns`,
  ipNotV4: (call, v) => `${call}(): '${v}' is not an IPv4 address (expected four numbers 0–255, like '10.0.0.3')`,
  writeData: (got) => `write(): data must be a string or a Uint8Array, got ${got}`,
  writeLength: (n, size) => `write(): length ${n} is outside the data (${size} bytes)`,
  pollArray: () => 'poll(): expected an array like [{fd: 3, events: POLLIN}]',
  pollEntry: (i) => `poll(): entry ${i} must be {fd, events} with integers, e.g. {fd: 3, events: POLLIN}`,
  pollTimeout: (got) => `poll(): timeoutMs must be an integer number of milliseconds (-1: no limit), got ${got}`,
  tooManyCalls: (limit) => `stopped after ${limit} socket calls: is there an endless loop?`,
  runOver: () => 'the program has ended: calls from later callbacks are not run',
  noFreeAddress: () => 'no free address is left in 10.0.0.0/24 for another host',
  functionConstructor: () => 'the Function constructor is not available in Socket Lab programs',
  unclosed: (char, line) => `Unexpected end of the program: '${char}' opened on line ${line} is never closed`,
  cannotWait: (call) =>
    `${call}() has to wait here, but it runs inside a callback of a built-in function (forEach, map, sort …), which cannot be paused: loop with for…of instead, e.g. for (const x of list) { … }`,
  spawnHost: (got) => `spawn(): expected a host name such as 'server', got ${got}`,
  spawnFn: (host) => `spawn('${host}', fn, …args): fn must be a function written with function or =>`,
  spawnShared: (name, line) =>
    `spawn(): processes share no variables, but this function uses '${name}' (line ${line}) from the code around it: pass the value as an argument, spawn(host, fn, ${name})`,
  spawnArgs: () => 'spawn(): the arguments are copied into the new process, and only data can be copied (numbers, strings, arrays, plain objects), not functions',
  tooManyProcesses: (limit) => `spawn(): a run may have at most ${limit} processes`,
  syntax: EN_SYNTAX,
};

const KO: Words = {
  kind: (v) => kindOf(v, {fn: '함수', nul: 'null', arr: '배열', obj: '객체'}),
  notInteger: (call, what, got) => `${call}(): ${what}는 정수여야 합니다. 받은 값: ${got}`,
  readMax: (n) => `read(): max는 1 이상이어야 합니다. 받은 값: ${n}`,
  shutdownHow: (got) => `shutdown(): how는 SHUT_RD, SHUT_WR, SHUT_RDWR 중 하나여야 합니다. 받은 값: ${got}`,
  setsockopt: () => 'setsockopt(): Socket Lab은 setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 0 또는 1)과 setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, 0 또는 1)만 지원합니다',
  resolveName: (got) => `resolve(): 호스트 이름 문자열이 필요합니다. 받은 값: ${got}`,
  onHost: (got) => `on(): 'server' 같은 호스트 이름이 필요합니다. 받은 값: ${got}`,
  onFn: (host) => `on('${host}', fn): fn은 함수여야 합니다`,
  sleepMs: (got) => `sleep(): 밀리초(0 이상의 수)가 필요합니다. 받은 값: ${got}`,
  portRange: (call, port) => `${call}(): 포트는 0부터 65535 사이여야 합니다. 받은 값: ${port}`,
  ipString: (call, got) => `${call}(): '10.0.0.3' 같은 IP 주소 문자열이 필요합니다. 받은 값: ${got}`,
  ipHostName: (call, name) =>
    `${call}()에는 호스트 이름이 아니라 IP 주소를 넘깁니다. 먼저 resolve('${name}')를 호출해 돌려받은 주소를 넘기세요`,
  ipNotV4: (call, v) => `${call}(): '${v}'는 IPv4 주소가 아닙니다('10.0.0.3'처럼 0–255 사이 수 네 개)`,
  writeData: (got) => `write(): data는 문자열이나 Uint8Array여야 합니다. 받은 값: ${got}`,
  writeLength: (n, size) => `write(): 길이 ${n}이(가) 데이터(${size}바이트)를 벗어납니다`,
  pollArray: () => 'poll(): [{fd: 3, events: POLLIN}] 같은 배열이 필요합니다',
  pollEntry: (i) => `poll(): ${i}번 항목은 정수로 된 {fd, events}여야 합니다. 예: {fd: 3, events: POLLIN}`,
  pollTimeout: (got) => `poll(): timeoutMs는 밀리초 단위 정수여야 합니다(-1: 제한 없음). 받은 값: ${got}`,
  tooManyCalls: (limit) => `소켓 호출이 ${limit}번에 이르러 멈췄습니다. 끝없는 반복이 있나요?`,
  runOver: () => '프로그램이 이미 끝났습니다: 나중에 실행된 콜백의 호출은 처리하지 않습니다',
  noFreeAddress: () => '10.0.0.0/24에 다른 호스트에 줄 주소가 남아 있지 않습니다',
  functionConstructor: () => 'Socket Lab 프로그램에서는 Function 생성자를 쓸 수 없습니다',
  unclosed: (char, line) => `프로그램이 끝났는데 ${line}번째 줄에서 연 '${char}'가 닫히지 않았습니다`,
  cannotWait: (call) =>
    `${call}()가 여기서 기다려야 하는데, 내장 함수(forEach, map, sort 등)의 콜백 안이라 멈출 수 없습니다. for…of 반복문으로 바꿔 쓰세요. 예: for (const x of list) { … }`,
  spawnHost: (got) => `spawn(): 'server' 같은 호스트 이름이 필요합니다. 받은 값: ${got}`,
  spawnFn: (host) => `spawn('${host}', fn, …args): fn은 function이나 =>로 쓴 함수여야 합니다`,
  spawnShared: (name, line) =>
    `spawn(): 프로세스끼리는 변수를 함께 쓰지 않는데, 이 함수가 바깥 코드의 변수를 씁니다: '${name}'(${line}번째 줄). 값을 인자로 넘기세요: spawn(host, fn, ${name})`,
  spawnArgs: () => 'spawn(): 인자는 새 프로세스로 복사되는데, 복사할 수 있는 것은 데이터(수, 문자열, 배열, 보통 객체)뿐이고 함수는 안 됩니다',
  tooManyProcesses: (limit) => `spawn(): 한 번 실행에 프로세스는 ${limit}개까지입니다`,
  syntax: KO_SYNTAX,
};

export function wordsFor(locale: RunnerLocale | undefined): Words {
  return locale === 'ko' ? KO : EN;
}
