// Test pool worker: an exception escapes after the request arrives (like a parser bug in a callback).
export default function throws() {
  return new Promise(() => {
    setTimeout(() => {
      throw new TypeError('parser blew up');
    }, 0);
  });
}
