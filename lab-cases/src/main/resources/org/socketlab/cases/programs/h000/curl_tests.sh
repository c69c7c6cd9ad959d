# 1. Simple GET
curl http://localhost:9090/test

# 2. POST with small body
curl -X POST http://localhost:9090/test -d "Detective at work"

# 3. POST with large body (forces multiple recv calls)
curl -X POST http://localhost:9090/bigdata -d "$(python3 -c "print('X'*5000)")"
