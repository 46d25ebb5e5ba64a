import {
  CLIENT_VPN_OPERATIONS,
  PERMISSION_OPERATIONS,
} from '../adapters/local/simulated-client-vpn.js';
import { localPage } from './html.js';

/**
 * The demo console at /_local/: everything it shows and does goes through the JSON API
 * beside it (/_local/api/*), so the page and the tests exercise the same controls.
 */
export function simulatorPage(): string {
  const operations = CLIENT_VPN_OPERATIONS.map((op) => `<option>${op}</option>`).join('');
  const changes = PERMISSION_OPERATIONS.map((op) => `<option>${op}</option>`).join('');
  return localPage(
    'Simulator — VPN On Demand (local)',
    `<h1>Simulator</h1>
<p class="note">Local mode's stand-in for AWS. <a href="/">Open the portal</a> · <a href="/_local/signin">Switch user</a></p>
<p role="status" id="message" class="note"></p>
<p><label>Endpoint <select id="endpoint"></select></label> <span class="note">The idle alarm, warm-ups and every control below act on this endpoint (issue 18); the clock and the reset act on all.</span></p>

<h2>Clock</h2>
<p>Simulated time: <strong id="now">…</strong> (<span id="advanced">0</span> min ahead of real time)</p>
<fieldset><legend>Advance the clock</legend>
  <button data-advance="1">+1 min</button><button data-advance="5">+5 min</button>
  <button data-advance="15">+15 min</button><button data-advance="35">+35 min</button>
</fieldset>
<p>Idle alarm: <strong id="alarm">…</strong> <span class="note" id="alarm-reason"></span></p>
<p>Next warm-ups (WARM_UP_SCHEDULE): <span id="warm-ups">none</span></p>

<h2>Client VPN endpoint</h2>
<table><thead><tr><th>Subnet</th><th>Association</th><th>Status</th></tr></thead><tbody id="associations"></tbody></table>
<table><thead><tr><th>Route</th><th>Target</th><th>Origin</th></tr></thead><tbody id="routes"></tbody></table>

<h2>VPN clients</h2>
<fieldset><legend>Connect a fake client</legend>
  <label>as <select id="client-user"></select></label>
  <button class="primary" id="connect-client">Connect client</button>
</fieldset>
<p class="note">Put away: the iPad is locked with the VPN app still connected, only keepalives move; after QUIET_CONNECTION_MINUTES without traffic the sweep ends the connection.</p>
<table><thead><tr><th>User</th><th>Status</th><th>Connected</th><th>Ended</th><th>Bytes in / out</th><th></th></tr></thead><tbody id="clients"></tbody></table>

<h2>Notifications</h2>
<p class="note">What SNS and the chat webhook would receive.</p>
<table><thead><tr><th>Time</th><th>Kind</th><th>Subject</th></tr></thead><tbody id="notifications"></tbody></table>

<h2>Faults</h2>
<fieldset><legend>Make the next AWS call fail</legend>
  <label>kind <select id="fault-kind"><option>unavailable</option><option>throttled</option><option>rejected</option><option>association-failed</option></select></label>
  <label>operation <select id="fault-operation"><option value="">any</option>${operations}</select></label>
  <button id="inject-fault">Inject</button>
</fieldset>
<p class="note">Pending: <span id="faults">none</span></p>
<fieldset><legend>Outages (the auto-off still decides from EC2)</legend>
  <label><input type="checkbox" id="outage-sessions"> sessions table unreachable</label>
  <label><input type="checkbox" id="outage-metrics"> GetMetricData throttled</label>
</fieldset>

<h2>IAM permissions</h2>
<fieldset><legend>Take a permission away from a function's role (the admin view's health panel shows it)</legend>
  <label>call <select id="permission-operation">${changes}</select></label>
  <label>role <select id="permission-caller"><option value="background">events function</option><option value="portal">portal</option></select></label>
  <button id="deny-permission">Deny</button><button id="allow-permission">Allow</button>
</fieldset>
<p class="note">Denied: <span id="permissions">none</span></p>

<h2>Endpoint authentication</h2>
<fieldset><legend>What the setup page and the configuration file say (issue 16)</legend>
  <label>authentication <select id="client-auth"><option value="mutual">mutual certificates</option><option value="directory">Active Directory (with certificates)</option><option value="federated">federated (SAML)</option></select></label>
</fieldset>

<h2>Reset</h2>
<button id="reset">Reset everything</button>`,
    SCRIPT,
  );
}

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const text = (value) => document.createTextNode(value ?? '');
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');
function rows(tbody, items, cells) {
  tbody.replaceChildren(...items.map((item) => {
    const tr = document.createElement('tr');
    for (const cell of cells(item)) {
      const td = document.createElement('td');
      td.append(typeof cell === 'string' ? text(cell) : cell);
      tr.append(td);
    }
    return tr;
  }));
}
let endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';
async function call(path, body) {
  const query = endpoint ? '?endpoint=' + encodeURIComponent(endpoint) : '';
  const response = await fetch('/_local/api/' + path + query, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json();
  $('message').textContent = response.ok ? '' : json.error.message;
  if (response.ok && json.now) render(json);
  return json;
}
function render(state) {
  $('now').textContent = new Date(state.now).toLocaleString();
  $('advanced').textContent = String(state.advancedMinutes);
  $('alarm').textContent = state.alarm.value;
  $('alarm-reason').textContent = state.alarm.reason;
  rows($('associations'), state.associations, (a) => [a.subnetId, a.associationId, a.status]);
  rows($('routes'), state.routes, (r) => [r.destinationCidr, r.targetSubnetId, r.origin]);
  rows($('clients'), state.clients, (client) => {
    const actions = document.createElement('span');
    const action = (label, path, body) => {
      const button = document.createElement('button');
      button.textContent = label;
      button.disabled = client.status !== 'active';
      button.onclick = () => call('clients/' + client.connectionId + path, body).then(refresh);
      actions.append(button);
    };
    action('Disconnect', '/disconnect', {});
    action('Put away', '/traffic', { traffic: 'keepalive-only' });
    action('Use', '/traffic', { traffic: 'working' });
    const bytes = (client.ingressBytes ?? '?') + ' / ' + (client.egressBytes ?? '?');
    return [client.user, client.status, time(client.connectedAt), time(client.endedAt), bytes, actions];
  });
  $('warm-ups').textContent = state.nextWarmUps.map((at) => new Date(at).toLocaleString()).join(', ') || 'none';
  rows($('notifications'), state.notifications.slice().reverse(), (n) => [new Date(n.at).toLocaleString(), n.kind, n.subject]);
  $('faults').textContent = state.pendingFaults.map((f) => f.kind + ' ' + (f.operation ?? 'any') + ' (' + (f.caller ?? 'anyone') + ')').join(', ') || 'none';
  $('permissions').textContent = state.deniedPermissions.map((p) => p.operation + ' (' + p.caller + ')').join(', ') || 'none';
  $('outage-sessions').checked = state.outages.includes('sessions');
  $('outage-metrics').checked = state.outages.includes('metrics');
  if (document.activeElement !== $('client-auth')) $('client-auth').value = state.clientAuthentication;
  const picker = $('endpoint');
  if (picker.options.length !== state.endpoints.length) {
    picker.replaceChildren(...state.endpoints.map((each) => new Option(each.names.en + ' (' + each.key + ')', each.key)));
  }
  picker.value = state.endpoint;
  const select = $('client-user');
  if (select.options.length === 0) {
    for (const user of state.users) select.append(new Option(user.name + ' (' + user.email + ')', user.key));
  }
}
const refresh = () => call('state');
for (const button of document.querySelectorAll('[data-advance]')) {
  button.onclick = () => call('clock/advance', { minutes: Number(button.dataset.advance) });
}
$('connect-client').onclick = () => call('clients', { user: $('client-user').value }).then(refresh);
$('inject-fault').onclick = () => {
  const kind = $('fault-kind').value;
  const operation = $('fault-operation').value;
  call('faults', kind === 'association-failed' || !operation ? { kind } : { kind, operation });
};
for (const witness of ['sessions', 'metrics']) {
  $('outage-' + witness).onchange = (event) =>
    call('outages', { witness, unavailable: event.target.checked });
}
for (const [id, allowed] of [['deny-permission', false], ['allow-permission', true]]) {
  $(id).onclick = () => call('permissions', {
    operation: $('permission-operation').value, caller: $('permission-caller').value, allowed,
  });
}
$('client-auth').onchange = (event) => call('client-config', { authentication: event.target.value });
$('reset').onclick = () => call('reset', {});
$('endpoint').onchange = (event) => {
  endpoint = event.target.value;
  history.replaceState(null, '', '?endpoint=' + encodeURIComponent(endpoint));
  refresh();
};
refresh();
setInterval(refresh, 2000);
`;
