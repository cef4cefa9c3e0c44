from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from forum import selectors as forum_selectors
from moderation import services
from moderation.api import serializers as s


class ReportCreateApi(APIView):
    """Report a post to the moderators ("Report to administrator"). One report per member and
    post; a second one is a 400 naming `post`. Throttled per member."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "report"

    @extend_schema(request=s.ReportCreateSerializer, responses={201: s.ReportSerializer})
    def post(self, request, pk: int):
        post = forum_selectors.post_get(user=request.user, pk=pk)
        data = s.ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_create(post=post, reporter=request.user, **data.validated_data)
        return Response(s.ReportSerializer(report).data, status=status.HTTP_201_CREATED)
