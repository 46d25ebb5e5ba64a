/**
 * The setup page's step pictures (issue 16): small inline SVGs, decorative (the step's
 * heading says the same), drawn with the current text colour.
 */
export type SetupIconName = 'install' | 'download' | 'import' | 'connect' | 'blocked';

const paths: Record<SetupIconName, string> = {
  // An app tile with a plus: "get the app".
  install: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM12 8v8M8 12h8',
  // An arrow into a tray.
  download: 'M12 3v12M7 10l5 5 5-5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  // A document going into the app.
  import:
    'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6M9 15l3 3 3-3M12 11v7',
  // A finger tapping a round button.
  connect: 'M12 2v8M6.3 5.3a8 8 0 1 0 11.4 0',
  // A circle with a bar: not possible here.
  blocked: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8',
};

export function SetupIcon({ name }: { name: SetupIconName }) {
  return (
    <svg
      class={`setup-icon setup-icon-${name}`}
      aria-hidden="true"
      focusable="false"
      width="32"
      height="32"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
