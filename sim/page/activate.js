// The activation link's page: hands the link to the virtual device, as tapping it on a phone would.
const result = document.getElementById('result');
document.getElementById('activate').addEventListener('click', async () => {
  const response = await fetch('/sim/api/devices/enroll', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ link: location.href }),
  });
  const body = await response.json();
  result.textContent = response.ok
    ? `Okta Verify is activated (device ${body.deviceId}). Go back to the sign-in page.`
    : `Activation failed: ${body.error}`;
});
