import '@testing-library/jest-dom';

// jsdom lays nothing out and cannot scroll; the list's virtualizer asks it to keep its position.
window.scrollTo = () => undefined;
