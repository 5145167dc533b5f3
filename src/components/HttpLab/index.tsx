// Placeholder until the HTTP lab lands (issue #6).
export default function HttpLab(): JSX.Element | null {
  return null;
}
