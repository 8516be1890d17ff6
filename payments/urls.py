from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("payments/checkout/<int:course_id>/", views.checkout_start, name="checkout"),
    path("payments/success/", views.checkout_success, name="success"),
    path("payments/cancel/<int:order_id>/", views.checkout_cancel, name="cancel"),
    path(
        "payments/test-checkout/<int:order_id>/",
        views.test_checkout,
        name="test_checkout",
    ),
    path("payments/stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("dashboard/orders/", views.order_list, name="orders"),
    path(
        "dashboard/orders/<int:order_id>/receipt/", views.order_receipt, name="receipt"
    ),
]
