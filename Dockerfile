# The image for web, worker and beat (docker-compose.yml). Python 3.11 slim with the pinned deps.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY config ./config
COPY forum ./forum
COPY moderation ./moderation
RUN pip install -c constraints.txt .
COPY . .
RUN DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput
# The claims classifier is trained once, here, and every web and worker process loads it.
ENV CLAIMS_MODEL_PATH=/app/model/claims-model.pickle
RUN DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost python manage.py claims_model

RUN useradd --create-home --uid 1000 forum && mkdir -p /app/var && chown -R forum /app/var
USER forum
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
