// Placeholder until the quiz component lands (issue #5).
export default function Quiz(_props: {chapter: string}): JSX.Element | null {
  return null;
}
