/**
 * The context card's stylesheet, scoped by its shadow root. Sizes are in em from a pixel base because
 * rem would follow the site's root font size. `:host` rules are !important: only then do they win
 * over site rules that happen to match the host element.
 */
export const CARD_CSS = `
:host { all: initial !important; display: block !important; margin: 0 0 20px !important; }
.card { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b2733; background: #f2f6fa;
  border: 1px solid #c5d3e0; border-inline-start: 4px solid #143a5a; border-radius: 6px; padding: .4em .6em; }
.bar { display: flex; align-items: center; gap: .5em; }
.brand { flex: none; font-size: .75em; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: #143a5a; }
button { font: inherit; color: inherit; background: none; border: 0; margin: 0; cursor: pointer; border-radius: 4px; }
button:hover { background: rgba(20, 58, 90, .08); }
:focus-visible { outline: 3px solid #1a63c6; outline-offset: 2px; }
.toggle { flex: 1; min-width: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: .1em .6em; padding: .3em; text-align: start; }
/* A narrow column (320 px) wraps the row rather than push the date and hint past the close button. */
.title { flex: 1 1 9em; min-width: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[aria-expanded="true"] .title { white-space: normal; }
.date { flex: none; font-size: .85em; color: #3d5266; }
.hint { flex: none; font-size: .85em; color: #245a8a; }
.chevron { display: inline-block; }
[aria-expanded="true"] .chevron { transform: rotate(180deg); }
.dismiss { flex: none; width: 2em; height: 2em; font-size: 1.1em; line-height: 1; }
.live { margin: 0 .3em .3em; font-size: .9em; display: flex; flex-wrap: wrap; align-items: baseline; gap: .2em .8em; }
.live[hidden] { display: none; }
.count { font-weight: 600; }
.open-panel { padding: .1em .3em; color: #0b55a3; text-decoration: underline; }
.details { padding: 0 .3em .4em; }
.details[hidden] { display: none; }
.summary { margin: .2em 0 .7em; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16em, 1fr)); gap: .6em 1.5em; }
h3 { font-size: 1em; margin: 0 0 .2em; }
ul { margin: 0; padding-inline-start: 1.2em; }
li { margin: .15em 0; }
a { display: inline-block; margin-top: .6em; color: #0b55a3; }
@media (prefers-color-scheme: dark) {
  .card { color: #e3e9ef; background: #1b2631; border-color: #34485c; border-inline-start-color: #8cbcec; }
  .brand, .hint { color: #a3cbf2; }
  .date { color: #b9c8d6; }
  a, .open-panel { color: #93c1ff; }
  button:hover { background: rgba(255, 255, 255, .1); }
  :focus-visible { outline-color: #93c1ff; }
}
@media (prefers-reduced-motion: no-preference) { .chevron { transition: transform .15s ease-out; } }
@media (forced-colors: active) { .card { border-color: CanvasText; } }
`;
