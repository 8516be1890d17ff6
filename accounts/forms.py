from django import forms

from accounts.models import ClinicianProfile


class ClinicianProfileForm(forms.ModelForm):
    class Meta:
        model = ClinicianProfile
        fields = [
            "name_on_certificate",
            "profession",
            "license_type",
            "license_number",
            "license_state",
        ]
