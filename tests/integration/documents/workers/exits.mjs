// Test pool worker: the thread exits without replying.
export default function exits() {
  process.exit(3);
}
