import { request } from './client';
import type { LoginResponse, Me } from './types';

export function login(username: string, password: string): Promise<LoginResponse> {
  return request<LoginResponse>('POST', '/auth/login', { body: { username, password }, redirectOn401: false });
}

export function logout(): Promise<void> {
  return request<void>('POST', '/auth/logout', { redirectOn401: false });
}

export function fetchMe(): Promise<Me> {
  return request<Me>('GET', '/me', { redirectOn401: false });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('POST', '/me/password', {
    body: { current_password: currentPassword, new_password: newPassword },
  });
}
