// Test pool worker: allocates JS objects until it hits its heap limit.
export default function oom() {
  const hoard = [];
  for (;;) hoard.push({ a: new Array(1000).fill(hoard.length), s: `item-${hoard.length}` });
}
