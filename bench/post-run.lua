-- wrk script: every request starts a default run of the case in the URL (POST .../runs, body {}).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
