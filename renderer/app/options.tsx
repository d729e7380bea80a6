/** `<option>`s for a list of names that are their own values (teams, queues). */
export const nameOptions = (names: readonly string[]) =>
  names.map((name) => (
    <option key={name} value={name}>
      {name}
    </option>
  ));
